import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
// the largest profile is the main thread
let best = null;
for (const f of files) { const p = JSON.parse(readFileSync(`${dir}/${f}`)); if (!best || p.samples.length > best.samples.length) best = p; }
const p = best;
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (id) => { const n = nodes.get(id); return `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; };
let t = p.startTime; const times = []; for (const d of p.timeDeltas) { t += d; times.push(t); }
const idle = (id) => ['(idle)', '(program)'].includes(nodes.get(id).callFrame.functionName) ;
let runStart = null; const runs = [];
for (let i = 0; i < p.samples.length; i++) {
  const busy = !idle(p.samples[i]);
  if (busy && runStart === null) runStart = i;
  if (!busy && runStart !== null) { runs.push([runStart, i]); runStart = null; }
}
const min = Number(process.argv[3] ?? 40);
for (const [a, b] of runs) {
  const ms = (times[b] - times[a]) / 1000;
  if (ms < min) continue;
  const self = new Map(); const incl = new Map();
  for (let i = a; i < b; i++) { const dt = (times[i+1] - times[i]) / 1000; const id = p.samples[i]; self.set(name(id), (self.get(name(id)) ?? 0) + dt);
    const seen = new Set(); for (let x = id; x !== undefined; x = parent.get(x)) { const nm = name(x); if (seen.has(nm)) continue; seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + dt); } }
  console.log(`RUN ${ms.toFixed(1)} ms at ${((times[a] - p.startTime)/1000).toFixed(0)}`);
  console.log('  self:', [...self].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
  console.log('  incl:', [...incl].sort((x, y) => y[1] - x[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
}
