import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@crm/platform';
import { PUBLIC_KEY, ROLES_KEY } from '@crm/security';
import type { TestApp } from '../../support/test-app';

/** The subset of JSON Schema the app's OpenAPI document uses. */
export type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
};

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
};

/** Who may call a route: nobody needs a key, or admin plus these roles. */
export type Access = 'public' | readonly Role[];

export type Operation = {
  method: string;
  /** OpenAPI template, e.g. `/customers/{id}/notes`. */
  path: string;
  parameters: Parameter[];
  body: Schema | null;
  access: Access;
};

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Follows `$ref`s into `components.schemas`, recursively, so generators see plain schemas. */
const resolver = (doc: OpenApiDocument) => {
  const resolve = (schema: Schema | undefined): Schema | null => {
    if (!schema) return null;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(doc.components?.schemas?.[name]);
    }
    const properties = schema.properties
      ? Object.fromEntries(
          Object.entries(schema.properties).map(([key, value]) => [key, resolve(value) ?? {}]),
        )
      : undefined;
    const items = schema.items ? (resolve(schema.items) ?? undefined) : undefined;
    return { ...schema, ...(properties ? { properties } : {}), ...(items ? { items } : {}) };
  };
  return resolve;
};

/** Roles per route, read from the controllers Nest registered (keyed like the OpenAPI paths). */
export const routeAccess = (t: TestApp): Map<string, Access> => {
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const access = new Map<string, Access>();
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  for (const { instance, metatype } of controllers) {
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = `/${[prefix, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`.replace(/:(\w+)/g, '{$1}');
      const targets = [handler, metatype];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
      access.set(`${RequestMethod[method]} ${full}`, isPublic ? 'public' : roles);
    }
  }
  return access;
};

/** Every path × method of the document, with resolved schemas and the route's roles. */
export const operationsOf = (doc: OpenApiDocument, access: Map<string, Access>): Operation[] => {
  const resolve = resolver(doc);
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => {
      const upper = method.toUpperCase();
      const routeAccess = access.get(`${upper} ${path}`);
      if (!routeAccess) throw new Error(`${upper} ${path} is documented but not routed`);
      return {
        method: upper,
        path,
        parameters: (spec.parameters ?? []).map((p) => ({
          ...p,
          required: Boolean(p.required),
          schema: resolve(p.schema) ?? {},
        })),
        body: resolve(spec.requestBody?.content?.['application/json']?.schema),
        access: routeAccess,
      };
    }),
  );
};
