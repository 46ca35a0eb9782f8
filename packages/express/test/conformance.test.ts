import express5 from 'express';
import express4 from 'express4';
import { runAdapterConformance } from '@seclog/testkit';
import { expressAdapter } from './express-app';

runAdapterConformance(expressAdapter('express 5, json parser mounted before', express5, 'before'));
runAdapterConformance(expressAdapter('express 5, json parser mounted after', express5, 'after'));
runAdapterConformance(expressAdapter('express 4, json parser mounted before', express4, 'before'));
runAdapterConformance(expressAdapter('express 4, json parser mounted after', express4, 'after'));
