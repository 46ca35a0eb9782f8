import Koa3 from 'koa';
import Koa2 from 'koa2';
import { runAdapterConformance } from '@seclog/testkit';
import { koaAdapter } from './koa-app';

runAdapterConformance(koaAdapter('koa 3', Koa3));
runAdapterConformance(koaAdapter('koa 2', Koa2));
