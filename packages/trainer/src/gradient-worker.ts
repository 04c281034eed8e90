/**
 * Worker-thread side of data-parallel training: holds its own copy of the
 * flow and the energy (and, for sticking-the-landing gradients, a shadow
 * flow), and for each request loads the parameters it is sent, evaluates
 * the run's objective on its share of the batch (latent rows, or data rows
 * in forward KL) and returns the losses and the gradient of their sum.
 */
import { parentPort } from 'worker_threads';
import { createEnergy } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, assignValues, tf, useBackend } from '@neuralrg/tensor';
import type { Variable } from '@neuralrg/tensor';
import type { Flow } from '@neuralrg/bijectors';
import type { TrainConfig } from './config';
import { nllGradients } from './forward-kl';
import { buildFlow, lossGradients } from './objective';
import { pathGradients, syncShadow } from './path-gradient';
import type { WorkerReply, WorkerRequest } from './protocol';

let flow: Flow | undefined;
let energy: EnergyModel | undefined;
let variables: Variable[] = [];
let shadow: { flow: Flow; variables: Variable[] } | undefined;

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.kind === 'init') {
    await useBackend(request.backend);
    const config: TrainConfig = request.config;
    const { name, ...params } = request.energy;
    energy = createEnergy(name, params);
    flow = buildFlow(config, energy, new Rng(config.seed));
    variables = flow.bijector.parameters().map((p) => p.variable);
    if (config.gradientEstimator === 'stl') {
      const copy = buildFlow(config, energy, new Rng(config.seed));
      shadow = { flow: copy, variables: copy.bijector.parameters().map((p) => p.variable) };
    }
    return { kind: 'ready' };
  }
  if (flow === undefined || energy === undefined) throw new Error('gradient worker used before init');
  request.params.forEach((values, i) => assignValues(variables[i], values));
  if (shadow !== undefined) syncShadow(variables, shadow.variables);
  const { losses, grads } = tf.tidy(() => {
    const rows = tf.tensor2d(request.z, [request.rows, flow!.dim]);
    const out = request.data
      ? nllGradients(flow!, variables, rows)
      : shadow !== undefined
        ? pathGradients(flow!, shadow.flow, energy!, variables, rows)
        : lossGradients(flow!, energy!, variables, rows);
    return { losses: out.losses, grads: out.grads.map((g) => g.dataSync() as Float32Array) };
  });
  return { kind: 'gradients', losses, grads };
}

parentPort?.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: Error) => parentPort?.postMessage({ kind: 'error', message: error.message }),
  );
});
