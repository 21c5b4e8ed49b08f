import { readFileSync, readdirSync } from 'node:fs';
const [dir, lateFile, minMs] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
let p = null;
for (const f of files) { const q = JSON.parse(readFileSync(`${dir}/${f}`)); if (!p || q.samples.length > p.samples.length) p = q; }
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (id) => { const n = nodes.get(id); return `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; };
let t = p.startTime; const times = []; for (const d of p.timeDeltas) { t += d; times.push(t); }
const lates = readFileSync(lateFile, 'utf8').split('\n').map((l) => /LATE (\d+) at \d+ us (\d+)/.exec(l)).filter(Boolean).map((m) => [Number(m[1]), Number(m[2])]).filter(([ms]) => ms >= Number(minMs ?? 80));
for (const [ms, us] of lates) {
  const self = new Map(); const incl = new Map(); let total = 0;
  for (let i = 0; i < p.samples.length - 1; i++) {
    if (times[i] < us || times[i] > us + ms * 1000) continue;
    const dt = (times[i + 1] - times[i]) / 1000; total += dt; const id = p.samples[i];
    self.set(name(id), (self.get(name(id)) ?? 0) + dt);
    const seen = new Set(); for (let x = id; x !== undefined; x = parent.get(x)) { const nm = name(x); if (seen.has(nm)) continue; seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + dt); }
  }
  console.log(`LATE ${ms} (sampled ${total.toFixed(0)})`);
  console.log('  self:', [...self].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
  console.log('  incl:', [...incl].sort((x, y) => y[1] - x[1]).filter(([k]) => !/root|Microtasks|Ticks|processImmediate|Trampoline|processTimers|listOnTimeout/.test(k)).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
}
