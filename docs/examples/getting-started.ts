// Train a hierarchical flow on the 2D Ising model without the CLI:
// prior + MERA hierarchy -> flow, bare energy -> loss, Adam -> updates.
import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { Flow, buildHierarchy } from '@neuralrg/bijectors';
import { ISING_CRITICAL_TEMPERATURE, IsingDual } from '@neuralrg/energies';
import { Adam, DEFAULT_ADAM, estimateWithFlow, meanAndStdErr } from '@neuralrg/trainer';

export async function gettingStarted(steps = 300) {
  await useBackend('wasm');
  const rng = new Rng(2024);

  // Target: the continuous dual of the Ising model at T_c, known exactly.
  const L = 4;
  const energy = new IsingDual({ L, T: ISING_CRITICAL_TEMPERATURE });

  // Flow: standard normal prior pushed through a MERA of RealNVP blocks,
  // symmetrised under x -> -x like the target.
  const hierarchy = buildHierarchy(
    { L, layout: 'mera', couplingLayers: 4, hidden: [16, 16], activation: 'elu', scaleBound: 2 },
    rng,
  );
  const flow = new Flow(hierarchy, true);
  const params = hierarchy.parameters().map((p) => p.variable);
  const adam = new Adam(params, { ...DEFAULT_ADAM, learningRate: 5e-3 });

  // Minimise F_q = E[ln q(x) + E(x)], x = g(z), z ~ N(0, 1).
  let freeEnergy = { mean: NaN, stdErr: NaN };
  for (let step = 0; step < steps; step++) {
    let losses = new Float32Array();
    const { value, grads } = tf.variableGrads(() => {
      const { x, logQ } = flow.sample(256, rng);
      const loss = tf.add(logQ, energy.energy(x));
      losses = loss.dataSync() as Float32Array;
      return tf.mean(loss) as tf.Scalar;
    }, params);
    adam.apply(params.map((p) => grads[p.name]));
    tf.dispose([value, ...Object.values(grads)]);
    freeEnergy = meanAndStdErr(losses);
  }

  // The gap F_q + ln Z is KL(q || pi) in nats; importance sampling
  // then corrects the remaining bias of ln Z.
  const estimate = estimateWithFlow(flow, energy, 8192, 1024, rng);
  const result = {
    exactLnZ: energy.exactLnZ,
    freeEnergy: freeEnergy.mean,
    gap: freeEnergy.mean + energy.exactLnZ,
    lnZ: estimate.lnZ,
    lnZStdErr: estimate.lnZStdErr,
    essFraction: estimate.essFraction,
  };
  hierarchy.dispose();
  adam.dispose();
  energy.dispose();
  return result;
}

if (require.main === module) {
  gettingStarted().then((result) => console.log(result));
}
