// Copied from the @seclog/nestjs README, unchanged.
import { Body, Controller, Delete, ForbiddenException, Get, Param, Post, UnauthorizedException } from '@nestjs/common';
import { CorrelationId, SecurityEvent, SecurityLogService, SkipSecurityLog } from '@seclog/nestjs';

@Controller('accounts')
@SecurityEvent('data.access_sensitive') // every handler of the class, unless it has its own
export class AccountsController {
  constructor(private readonly security: SecurityLogService) {}

  // -> data.access_sensitive, outcome success, target /accounts/:id
  @Get(':id')
  read(@Param('id') id: string, @CorrelationId() correlationId: string) {
    return { id, correlationId };
  }

  // -> auth.password_change success with actor { id: <id>, type: 'user' };
  //    a wrong password -> auth.password_change failure (exception UnauthorizedException)
  //    and http.error_response 401
  @Post(':id/password')
  @SecurityEvent('auth.password_change', { metadata: ({ params }) => ({ account: params.id }) })
  changePassword(@Param('id') id: string, @Body() body: { current: string; next: string }) {
    if (body.current !== 'correct horse battery staple') throw new UnauthorizedException();
    this.security.setActor(id);
    return { changed: true };
  }

  // -> data.delete_sensitive only when it succeeds; deleting root -> http.error_response 403 alone
  @Delete(':id')
  @SecurityEvent('data.delete_sensitive', { when: 'success', riskScore: 8 })
  remove(@Param('id') id: string) {
    if (id === 'root') throw new ForbiddenException();
    return { deleted: id };
  }

  // -> no event at all, not even the 403
  @Get(':id/avatar')
  @SkipSecurityLog()
  avatar(@Param('id') id: string) {
    if (id === 'nobody') throw new ForbiddenException();
    return { avatar: `${id}.png` };
  }
}
