import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { AppModule } from './nestjs/app.module';

export async function start({ port = 3000 } = {}) {
  const app = await NestFactory.create(AppModule, new ExpressAdapter(), { logger: false });
  await app.listen(port, '127.0.0.1');
  return { url: await app.getUrl(), close: () => app.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`listening on ${(await start()).url}`);
