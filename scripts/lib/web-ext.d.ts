// web-ext ships no types; this declares the one programmatic call the Firefox harness uses.
declare module 'web-ext' {
  interface RunOptions {
    sourceDir: string;
    firefox?: string;
    noInput?: boolean;
    noReload?: boolean;
    startUrl?: string[];
    args?: string[];
    pref?: Record<string, string | number | boolean>;
    firefoxProfile?: string;
    keepProfileChanges?: boolean;
    profileCreateIfMissing?: boolean;
  }
  interface Runner {
    exit(): Promise<void>;
  }
  const webExt: { cmd: { run(options: RunOptions, deps?: { shouldExitProgram?: boolean }): Promise<Runner> } };
  export default webExt;
}
