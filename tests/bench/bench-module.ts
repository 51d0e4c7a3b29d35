/** One group of benchmark figures. `run` returns a flat object of numbers or nested figures. */
export interface BenchModule {
  name: string;
  run(context: BenchContext): Promise<Record<string, unknown>>;
}

export interface BenchContext {
  /** A fresh temp folder for this module; removed afterwards. */
  dir: string;
  seed: number;
  /** Quick mode (CI smoke test of the bench itself): smaller data, fewer runs. */
  quick: boolean;
}
