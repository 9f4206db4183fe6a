/**
 * The slice of Eleventy 3's API this project uses. Eleventy ships JSDoc-typed JavaScript and no
 * declarations, so under `strict` TypeScript needs this to type-check the config and plugins.
 */
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    includes: string;
    output: string;
  }

  export interface EleventyAfterEvent {
    directories: EleventyDirectories;
    results: Array<{ inputPath: string; outputPath: string | false; url: string; content: string }>;
  }

  export interface UserConfig {
    addFilter(name: string, fn: (...args: any[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addCollection(name: string, fn: (api: unknown) => unknown): void;
    /** `this.page` holds the page being written (url, outputPath, inputPath). */
    addTransform(name: string, fn: (this: any, content: string) => string | Promise<string>): void;
    on(event: "eleventy.after", handler: (event: EleventyAfterEvent) => void | Promise<void>): void;
    on(event: string, handler: (...args: any[]) => unknown): void;
    setTemplateFormats(formats: string | string[]): void;
    /** Globs (relative to the working directory) of input files not to process. */
    ignores: { add(glob: string): void };
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export interface WrittenTemplate {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Builds to disk; resolves to [passthrough copies, written templates]. */
    /** Silences all console output, including errors (renderSite rethrows them). */
    disableLogger(): void;
    write(): Promise<[unknown[], WrittenTemplate[]]>;
  }
}
