import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialization. In development and tests every response is checked against its Zod schema
 * (a mismatch is a 500 and a failing test). In production the same schemas are compiled once into
 * fast-json-stringify serializers: several times faster, and fields a schema does not declare are still
 * dropped, so nothing leaks that the contract does not name.
 */
export function responseSerializerCompiler(validate: boolean): FastifySerializerCompiler<z.ZodType> {
  if (validate) return zodSerializerCompiler as FastifySerializerCompiler<z.ZodType>;
  return (route) => {
    if (!(route.schema instanceof z.ZodType)) return zodSerializerCompiler(route as never);
    try {
      const jsonSchema = z.toJSONSchema(route.schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
      return fastJson(jsonSchema as never) as (data: unknown) => string;
    } catch {
      // A schema JSON Schema cannot express keeps the Zod path.
      return zodSerializerCompiler(route as never);
    }
  };
}
