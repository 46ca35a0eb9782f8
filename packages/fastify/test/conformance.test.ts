import { runAdapterConformance } from '@seclog/testkit';
import { fastifyAdapter } from './fastify-app';

runAdapterConformance(fastifyAdapter);
