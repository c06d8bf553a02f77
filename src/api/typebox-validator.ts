import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";
import type { FastifySchemaCompiler } from "fastify";

/**
 * Validates requests with TypeBox's compiled checkers instead of fastify's default Ajv setup:
 * bodies are checked exactly as sent (Ajv's type coercion would turn a float price 12.5 into the
 * string "12.5" and accept it), while path, query and header strings are converted to the
 * declared types first, since HTTP can only carry them as text.
 */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = TypeCompiler.Compile(schema);
  const textual = httpPart !== "body";
  return (data: unknown) => {
    const value = textual ? Value.Convert(schema, Value.Default(schema, Value.Clone(data ?? {}))) : data;
    if (checker.Check(value)) return { value };
    const validation = [...checker.Errors(value)].slice(0, 20).map((e) => ({
      instancePath: e.path,
      message: e.message,
      params: {},
      keyword: "typebox",
      schemaPath: "",
    }));
    const error = Object.assign(new Error(validation.map((v) => `${v.instancePath || "/"} ${v.message}`).join("; ")), {
      validation,
    });
    return { error };
  };
};
