/**
 * The vocabulary of the synthetic notebook dataset: English words grouped into semantic-ish families,
 * most common first. Every word becomes the token `' ' + word` (GPT-style leading space); the
 * `punctuation` and `subword` families are the exact tokens listed (no leading space).
 *
 * Families stand in for the regions of a language model's residual stream: the generator places each
 * family around one centre and splits it into clusters of a few words (see `buildVocabulary`).
 */
export interface WordFamily {
  readonly name: string;
  /** Words, most frequent first, separated by single spaces. */
  readonly words: string;
  /** True when the entries are literal tokens without a leading space. */
  readonly literal?: boolean;
}

export const WORD_FAMILIES: readonly WordFamily[] = [
  { name: 'policy', words: 'policy rules plan law tuition rule regulations policies guidelines requirements restrictions proposal budget fees program mandate ban curfew measures system dress reforms schedule tax initiative agenda strategy scheme' },
  { name: 'education', words: 'school students class course teacher exam campus university degree homework lecture semester grades library professor college classroom textbook diploma scholarship curriculum dormitory' },
  { name: 'money', words: 'money price cost prices costs salary wages rent loan debt income profit savings interest bill payment fund bonus pension insurance shares stocks market' },
  { name: 'food', words: 'pizza bread cake soup salad sandwich burger pasta rice chicken cheese steak eggs apple pie cookies potatoes noodles beans chocolate pancakes' },
  { name: 'drinks', words: 'coffee tea water beer wine juice milk soda cocktail lemonade whiskey smoothie espresso' },
  { name: 'places', words: 'house city park store office hospital church station airport restaurant hotel bank museum beach stadium mall theater bridge square' },
  { name: 'geography', words: 'London Paris America Europe China Texas California York Berlin Tokyo Canada India Africa Mexico Rome Chicago Boston Sydney Moscow Brazil Ireland' },
  { name: 'colours', words: 'red blue green white black yellow gray orange pink purple brown golden silver dark bright pale' },
  { name: 'emotions', words: 'happy sad angry excited tired nervous proud afraid worried upset anxious glad confused frustrated relieved grateful lonely jealous bored furious calm' },
  { name: 'weather', words: 'sunny cold hot warm rainy cloudy windy snowy humid freezing foggy stormy mild dry chilly' },
  { name: 'animals', words: 'dog cat horse bird fish cow lion mouse bear wolf rabbit snake tiger elephant monkey deer duck pig sheep fox owl' },
  { name: 'vehicles', words: 'car truck bike bus train plane boat van motorcycle ship taxi tractor helicopter scooter' },
  { name: 'technology', words: 'phone computer laptop website app software internet camera screen device tablet server network robot chip battery keyboard printer password algorithm' },
  { name: 'clothing', words: 'shirt shoes hat jacket coat jeans uniform boots scarf sweater suit gloves socks tie skirt' },
  { name: 'sports', words: 'football soccer basketball tennis baseball golf hockey chess cricket rugby poker volleyball boxing cards' },
  { name: 'music', words: 'song music band album concert piano guitar singer radio orchestra drums melody choir lyrics violin jazz' },
  { name: 'health', words: 'cancer flu diabetes disease infection fever virus surgery pain injury depression asthma allergy treatment vaccine therapy symptoms' },
  { name: 'body', words: 'head hand face eyes heart hair arm leg back feet mouth nose shoulder skin knee finger teeth neck' },
  { name: 'time', words: 'day week year night morning Monday Friday Sunday summer winter evening month weekend Tuesday Saturday spring autumn hour decade century' },
  { name: 'numbers', words: 'two three one four five ten six seven eight twenty nine hundred thousand million dozen fifty first second third' },
  { name: 'people', words: 'man woman people children family friends mother father son daughter wife husband brother sister kids baby parents girl boy neighbor' },
  { name: 'jobs', words: 'president doctor police manager lawyer officer nurse engineer director mayor judge chef pilot farmer soldier scientist author artist reporter coach' },
  { name: 'actions', words: 'go make take get see help find leave stop start pay work play stay move read write build protest sign change vote accept' },
  { name: 'past', words: 'was had said went made took got saw found left started decided tried wanted began called asked told seemed became' },
  { name: 'qualities', words: 'good new great big small large old long high important different best real little better strong huge simple expensive cheap serious difficult easy' },
  { name: 'nature', words: 'river mountain forest lake sea ocean tree trees hill valley island desert field garden flowers grass rocks sky sun moon stars' },
  { name: 'home', words: 'room door window kitchen table bed chair floor wall garage roof couch desk lamp stairs bathroom fence yard' },
  { name: 'law', words: 'court crime trial case jury prison evidence lawsuit investigation charges arrest murder theft fraud verdict sentence' },
  { name: 'science', words: 'research study data theory experiment energy climate carbon atoms cells genes brain oxygen physics chemistry biology evolution' },
  { name: 'media', words: 'news story report article book film movie show paper magazine video interview headline podcast series episode novel blog' },
  { name: 'function', words: 'the a and of to in that it for on with as his her their this an its at by from all more very so not about' },
  { name: 'adverbs', words: 'also just still now only really even never already always quickly finally suddenly often again soon almost simply' },
  { name: 'punctuation', words: ', . ! ? ; : - " ( ...', literal: true },
  { name: 'subword', words: "ing ed s ly er 's est ment ness ful", literal: true },
];
