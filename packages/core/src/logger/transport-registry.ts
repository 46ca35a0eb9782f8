import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SecurityLogConfigError } from '../errors';
import { coreGlobalStore } from '../global-store';
import { fileSink, type FileSinkOptions } from '../sinks/file-sink';
import type { Sink } from '../sinks/sink';
import { streamSink, type StreamSinkOptions } from '../sinks/stream-sink';
import type { TransportConfig, TransportFactory } from './transport-types';

const BUILT_INS: Record<string, TransportFactory> = {
  file: (options) => {
    if (typeof options.path !== 'string' && typeof options.destination !== 'string') {
      throw new SecurityLogConfigError('OPTION_INVALID', 'options.path', 'the file transport needs a `path`');
    }
    return fileSink({ ...(options as unknown as FileSinkOptions), path: (options.path ?? options.destination) as string });
  },
  stdout: (options) => streamSink(process.stdout, options as StreamSinkOptions),
  stderr: (options) => streamSink(process.stderr, options as StreamSinkOptions),
};

/** Makes `target` usable in `transports` without a dynamic import (tests, custom sinks, bundlers). */
export function registerTransport(target: string, factory: TransportFactory): void {
  if (typeof factory !== 'function') {
    throw new SecurityLogConfigError('TRANSPORT_INVALID', target, 'a transport factory must be a function');
  }
  coreGlobalStore().transports.set(target, factory);
}

function lookup(target: string): TransportFactory | undefined {
  return coreGlobalStore().transports.get(target) ?? BUILT_INS[target];
}

/** Finds the module without loading it, so a misspelt target fails at start-up. */
function locate(target: string): string | undefined {
  const requirers = [createRequire(join(process.cwd(), 'noop.js')), createRequire(import.meta.url)];
  const bare = !target.startsWith('.') && !target.startsWith('/') && !/^[a-z]+:/i.test(target);
  for (const req of requirers) {
    for (const candidate of bare ? [target, `${target}/package.json`] : [target]) {
      try {
        return req.resolve(candidate);
      } catch {
        // try the next location
      }
    }
  }
  return undefined;
}

async function importFactory(target: string, location: string, path: string): Promise<TransportFactory> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* @vite-ignore */ target)) as Record<string, unknown>;
  } catch (first) {
    if (location.endsWith('package.json')) throw first;
    mod = (await import(/* @vite-ignore */ pathToFileURL(location).href)) as Record<string, unknown>;
  }
  const fromDefault = mod.default as Record<string, unknown> | TransportFactory | undefined;
  const factory =
    mod.createTransport ??
    (typeof fromDefault === 'object' && fromDefault ? fromDefault.createTransport : undefined) ??
    fromDefault;
  if (typeof factory !== 'function') {
    throw new SecurityLogConfigError(
      'TRANSPORT_INVALID',
      path,
      `module "${target}" exports no createTransport(options) function`,
    );
  }
  return factory as TransportFactory;
}

/**
 * A sink for each configured transport. Registered and built-in targets are built now; others are
 * located now (throwing for a missing module) and imported in the background: the returned sink
 * holds events until the import settles, and `ready` reports a failure there.
 */
export function resolveTransport(config: TransportConfig, index: number): { sink: Sink; ready: Promise<void> } {
  const path = `transports[${index}]`;
  if (!config || typeof config.target !== 'string' || config.target.length === 0) {
    throw new SecurityLogConfigError('OPTION_INVALID', `${path}.target`, 'a transport needs a string `target`');
  }
  const { target } = config;
  const options = config.options ?? {};
  const known = lookup(target);
  if (known) {
    const made = wrapFactoryErrors(() => known(options), path, target);
    if (!(made instanceof Promise)) return { sink: named(made, target), ready: Promise.resolve() };
    return deferred(made, target);
  }
  const location = locate(target);
  if (!location) {
    throw new SecurityLogConfigError(
      'TRANSPORT_NOT_FOUND',
      `${path}.target`,
      `cannot find transport "${target}"; built-in targets are ${Object.keys(BUILT_INS).join(', ')}, others must be installed packages or module paths`,
    );
  }
  return deferred(
    importFactory(target, location, path).then((factory) => wrapFactoryErrors(() => factory(options), path, target)),
    target,
  );
}

function wrapFactoryErrors(make: () => Sink | Promise<Sink>, path: string, target: string): Sink | Promise<Sink> {
  const fail = (error: unknown): never => {
    if (error instanceof SecurityLogConfigError) {
      throw new SecurityLogConfigError(error.code, `${path}.${error.path}`, error.message.slice(error.path.length + 2), { cause: error });
    }
    throw new SecurityLogConfigError('TRANSPORT_INVALID', path, `transport "${target}" failed to start: ${String((error as Error)?.message ?? error)}`, { cause: error });
  };
  try {
    const made = make();
    return made instanceof Promise ? made.catch(fail) : made;
  } catch (error) {
    return fail(error);
  }
}

function named(sink: Sink, target: string): Sink {
  return sink.name ? sink : Object.assign(sink, { name: target });
}

function deferred(pending: Promise<Sink>, target: string): { sink: Sink; ready: Promise<void> } {
  let resolved: Sink | undefined;
  const loading = pending.then((sink) => (resolved = sink));
  const ready = loading.then(() => undefined);
  const sink: Sink = {
    name: target,
    async write(event) {
      await (resolved ?? (await loading)).write(event);
    },
    async writeBatch(events) {
      const real = resolved ?? (await loading);
      if (real.writeBatch) await real.writeBatch(events);
      else for (const event of events) await real.write(event);
    },
    async flush() {
      const real = resolved ?? (await loading.catch(() => undefined));
      await real?.flush?.();
    },
    async close() {
      const real = resolved ?? (await loading.catch(() => undefined));
      await real?.close?.();
    },
  };
  return { sink, ready };
}
