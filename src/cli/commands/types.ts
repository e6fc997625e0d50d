/** `types`: the known payload types and their recommended header flags. */
import { SCHEMA_BASE } from '../../model/schema-ids.js'
import { typeFlags, typeHistoryFlags, typeNames } from '../../generated/registry.js'
import type { Command } from '../args.js'
import { EXIT_OK, flagsText } from '../io.js'

export const types: Command = ({ term, json }) => {
  const rows = Object.entries(typeNames).map(([type, name]) => {
    const t = Number(type)
    const history = typeHistoryFlags[t]
    return { type: t, name, flags: typeFlags[t], ...(history ? { historyFlags: history } : {}) }
  })
  if (json) term.out(JSON.stringify(rows, null, 2))
  else {
    for (const r of rows) term.out(`${String(r.type).padStart(5)}  ${r.name.padEnd(28)} ${flagsText(r.flags ?? { no_persist: 0, red_dot: 1, sync_once: 0 })}${r.historyFlags ? `  (history: ${flagsText(r.historyFlags)})` : ''}`)
    term.out(`  >1000 system (generic)              any other type above 1000: content + extra`)
    term.out(`Schemas: ${SCHEMA_BASE}<name>.schema.json`)
  }
  return EXIT_OK
}
