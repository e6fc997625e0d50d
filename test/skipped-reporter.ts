/**
 * Names what was skipped, after vitest's summary (which only counts it): with no Chromium on the
 * machine `npm test` then ends with the browser block's name, which says why and what to install.
 */
import type { Reporter, TestModule } from 'vitest/node'

export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<string, number>()
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests('skipped')) {
        // One line per skipped block (or test outside any block), with how many tests it holds.
        const name = `${testModule.relativeModuleId} > ${test.parent.type === 'suite' ? test.parent.fullName : test.fullName}`
        skipped.set(name, (skipped.get(name) ?? 0) + 1)
      }
    }
    for (const [name, count] of skipped) console.log(`skipped (${count}): ${name}`)
  }
}
