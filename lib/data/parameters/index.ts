/**
 * Personal FSRS parameters, one concern per module: the sets and their views (sets), the weights
 * each learner is scheduled with (effective), optimization jobs (jobs) and the personal one
 * (personal-optimization), versions, apply and discard (versions), and rescheduling cards after a
 * change (reschedule). Cohort sets are in lib/data/trainer/cohort-parameters.
 */
export { type EffectiveParameters, getEffectiveParameters } from "./effective";
export {
  type CollectedHistory,
  getOptimizationJob,
  InsufficientHistoryError,
  type JobStatus,
  type JobView,
  type OptimizationTarget,
  type StartedJob,
  startOptimizationJob,
} from "./jobs";
export {
  collectTrainingSet,
  type PersonalOptimizationOptions,
  startPersonalOptimization,
} from "./personal-optimization";
export { previewReschedule, rescheduleCards, type SwitchResult } from "./reschedule";
export { DEFAULT_WEIGHTS, type ParameterScope, type ParameterSetView, toSetView } from "./sets";
export {
  discardParameterSet,
  getParameterOverview,
  type ParameterOverview,
  switchParameterSet,
} from "./versions";
