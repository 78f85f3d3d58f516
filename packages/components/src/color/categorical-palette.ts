/**
 * The precomputed categorical palette: 320 sRGB colours, index = cluster id, as one hex string
 * (6 digits per colour). Output of `generateCategoricalPalette(320)` with its defaults (see
 * generate-categorical-palette.ts, the script that made it; test/palette.test.ts checks they agree):
 * max–min spread in OKLab, lightness 0.50–0.82, chroma ≥ 0.05, minimum pairwise ΔE of ids 0–299 ≈ 0.041.
 */
const HEX =
  'ec45361c3cff2beb2b0e790b8db8ffd50dfdf4b85673577f24b58afc7ecd8272f3c10587a1790a8406d9a9869e1988b5' +
  'a53c2598d4b89ebd17e4b5c9fc04b7f68775c25ec5445bc0396f6428a502ada26fc28ffa2c9dfc688d77bb58740ce399' +
  '8f359ef858f91cc3d81573ff7a5f27f6558dd985027b74b2a140fd6ca0bf6a43fed10b4b16c948b80bc58a9e17957066' +
  '9e3a66eea5fcc15c1c5b8a2c8055c6b1a3ca1d6998bccf6ecb79668c92e589b6ac9f599ecdb796e81784bc6bfcdb87a8' +
  '7dc680fd6b08caa8080de1d595dd3d7cd2ee0986601a9fa2ffa793fe922fec5ac25080ddb77fc8d52eb48b5458fe195d' +
  'ca9b92109f66a08962cd2a02673dd1cd679ff216e3c6b5f45a7020ef82fc54778aa74cd2fe96b764b55377784b77a36c' +
  '35b7f95d65e5f8636510cdaeda9cd31474c4c14897d24de89e6bccd89e5c9c622b6752a6b2912ea302e48d6685145ae5' +
  '7d88a80c888c9802b8dc416bb50358139ccfd873e26b03f6b0b86e858d43fd7a99d6bf17aa0a9aa282fc81b6d6019119' +
  '73a096dc6a23b73e5187db93a7398b8726fcb90c2438b2b462d563ab6f9d5568a6d76678a5a3f9aabfdf8356f54c3aed' +
  '6887ff8b4583cd4b48df49a08f39d22bcdfebd7b30b27177ae5749bd3573e90034668fd3ae3ab0207544526481977ebc' +
  '97ad55d708d96ca6f7558d9dea72b12bc983b92beaa260f17a3fb5599d3d15b805c38f5f836d0274c8c7e57f4ee29fab' +
  '8651a377b58a65d709d886d1fb6adf21e971d5c57f964c047f7dd7fe3da5445bfe12ae5a9692be537b6cebab75a1547b' +
  '547bb6b46f50b18b80a8c09ceda4206966c5c87b931c87fc1daedab393dccfa0f699ce5ae678805e6c4cd5b455bed227' +
  'bf8fb9c33cd1fca3dcfb44d674c4102b947cc210a944a384ba4df961965e547f49d070c10f7a9a836451706c95927995' +
  'e0625187a2d56cd2a8f692e5ab1a76d94804bc70dce49d841bdcf69855bbea3cfd2887396155d1ff0328da4ac7fd1f82' +
  'c8adca7a42e3b1a111fa552a66af02b24a183769d9d5176c97774b8d63dc5573ffd88b75df63f959c0add71c96879574' +
  'e1b1a71763b3d25188228fdfb16ab7a0636fcb982df04c61cc7afe7f801ba07cda8cae14424cd89d404d989a5b7862ab' +
  'a2cc8c0b6f82894c6d9bcfd3936ba69935b89b8f05e719c8ff8e950b7c74afb23bb4af8aadaee8ff9971fca9bab65de3' +
  'c1635e5d8ab890a783f186b7e06c9402d2cf95cd05becaa0b256b37ec055e1abe64ce1b2cb7eb2ba929d76acb6fe5caf' +
  'dd8eee6ec2f3b76b08b65c96e8136076e079866ac384876159a3dbccbcde99523efe7d4dae17fda72ed26796ef0278e5';

/** Number of colours in the table. */
export const CATEGORICAL_PALETTE_SIZE = HEX.length / 6;

/** Colour `k` (0 ≤ k < {@link CATEGORICAL_PALETTE_SIZE}) of the table as packed `0xRRGGBB`. O(1). */
export function categoricalPaletteColor(k: number): number {
  return parseInt(HEX.slice(6 * k, 6 * k + 6), 16);
}
