import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CRITICAL_COMMANDS, LabUserDepartmentsBody, Principal } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

@ApiTags('lab-users')
@ApiBearerAuth()
@Controller('api-v3/lab-users')
export class LabUsersController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Put(':userId/departments')
  @HttpCode(200)
  @ApiOperation({ summary: "Replace a lab user's departments (used when the session's department_data_type is 1)" })
  async setDepartments(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Body() body: LabUserDepartmentsBody,
  ): Promise<{ userId: string; department_ids: number[] }> {
    const result = await this.forwarder.forward(request, CRITICAL_COMMANDS.setLabUserDepartments, principal, { ...body, userId });
    void reply.status(result.status);
    return result.body;
  }
}
