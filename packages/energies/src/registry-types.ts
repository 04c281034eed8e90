import type { EnergyModel } from './model';

/** The parameters of a model by name, as stored in `EnergyModel.config`. */
export type EnergyConfig = Readonly<Record<string, number | string>>;

/** Builds a model from its config; throws on a bad config. */
export type EnergyFactory = (config: EnergyConfig) => EnergyModel;
