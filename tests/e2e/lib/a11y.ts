import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core on a page, its violations as readable lines (`rule: target, target`) so a failing assertion says what
 * and where. Two rule sets are in use: WCAG 2.0 A/AA (the report and log pages' suites) and WCAG 2.1 A/AA plus
 * axe's best practices (the teacher's popup, options page and badge).
 */
async function violations(builder: AxeBuilder): Promise<string[]> {
  const { violations: found } = await builder.analyze();
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** WCAG 2.0 A and AA. */
export function axeWcag2(page: Page): Promise<string[]> {
  return violations(new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']));
}

/** WCAG 2.0 and 2.1, A and AA, and axe's best practices; `include` limits it to one part of the page. */
export function axeWcag21(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  return violations(include ? builder.include(include) : builder);
}
