#!/usr/bin/env bash
# Packs every publishable package, installs the tarballs into an empty
# project with npm, and checks that each package loads through its
# `exports`, that the types resolve, and that the installed CLI runs.
# Usage: bash tools/pack-check.sh   (after pnpm build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/tarballs" "$work/app"
for pkg in $(ls "$root/packages"); do
  (cd "$root/packages/$pkg" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done

cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund "$work"/tarballs/*.tgz typescript@5.9.3 @types/node@20 >/dev/null

cat > check.ts <<'TS'
import { Rng, useBackend } from '@neuralrg/tensor';
import { buildHierarchy, Flow } from '@neuralrg/bijectors';
import { IsingDual } from '@neuralrg/energies';
import { estimateWithFlow } from '@neuralrg/trainer';

async function main(): Promise<void> {
  await useBackend('wasm');
  const rng = new Rng(1);
  const energy = new IsingDual({ L: 4, T: 2.5 });
  const flow = new Flow(
    buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [8], activation: 'elu', scaleBound: 2 }, rng),
    true,
  );
  const estimate = estimateWithFlow(flow, energy, 256, 256, rng);
  if (!Number.isFinite(estimate.lnZ)) throw new Error('non-finite estimate');
  console.log('library ok: lnZ estimate', estimate.lnZ.toFixed(3), 'exact', energy.exactLnZ.toFixed(3));
}
main();
TS
npx tsc --strict --module commonjs --target es2022 --esModuleInterop --skipLibCheck check.ts
node check.js
npx neuralrg exact --L 8 --T Tc --json
echo "pack check passed"
