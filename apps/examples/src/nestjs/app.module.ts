import { Module } from '@nestjs/common';
import { SecurityLogModule } from '@seclog/nestjs';
import { AccountsController } from './accounts.controller';

// As in the @seclog/nestjs README; the file path may come from the environment.
@Module({
  imports: [
    SecurityLogModule.forRoot({
      service: 'accounts',
      transports: [{ target: 'file', options: { path: process.env.SECLOG_FILE ?? 'logs/security.log' } }],
    }),
  ],
  controllers: [AccountsController],
})
export class AppModule {}
