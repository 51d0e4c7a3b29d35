/** Command-line options shared by `npm start` in both shells. */
export interface LaunchOptions {
  dataDir: string | null;
  port: number;
}

/** Parses `--data-dir DIR`, `--data-dir=DIR`, `--port N`; unknown options are ignored. */
export function parseLaunchArgs(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { dataDir: null, port: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--data-dir') {
      const dir = value();
      if (dir) options.dataDir = dir;
    } else if (flag === '--port') {
      const port = Number(value());
      if (Number.isInteger(port) && port >= 0 && port <= 65535) options.port = port;
    }
  }
  return options;
}
