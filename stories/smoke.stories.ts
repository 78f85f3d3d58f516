import { html } from 'lit';
import { expect } from 'storybook/test';
export default { title: 'Smoke' };
export const Hello = {
  render: () => html`<p id="x">hello</p>`,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await expect(canvasElement.querySelector('#x')?.textContent).toBe('hello');
  },
};
