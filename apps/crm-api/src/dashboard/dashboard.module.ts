import type { OnModuleInit } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerDashboard } from './dashboard.static';
import { webRoot } from './web-root';

/** The analysts' and auditors' dashboard: the static front end built from web/ into dist/web. */
@Module({})
export class DashboardModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) await registerDashboard(fastify, webRoot());
  }
}
