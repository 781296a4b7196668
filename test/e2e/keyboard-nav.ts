import type { Locator, Page } from 'playwright-core'

/** Whether the control (or something inside it) has the keyboard focus. */
const focused = (control: Locator) =>
  control.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))

/**
 * Reaches a control with Tab, as a person with a keyboard does (Shift+Tab with `back`).
 * A control Tab never reaches fails the test.
 */
export async function tabTo(page: Page, control: Locator, o: { back?: boolean } = {}) {
  for (let presses = 0; presses < 150; presses++) {
    if (await focused(control)) return
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error('the control was not reached with Tab')
}

/** Reaches a control with Tab and presses Enter on it. */
export async function tabToAndEnter(page: Page, control: Locator) {
  await tabTo(page, control)
  await page.keyboard.press('Enter')
}
