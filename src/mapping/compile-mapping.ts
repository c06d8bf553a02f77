import { Errors } from "../errors/index.js";
import type { EntityType } from "../model/index.js";
import type {
  CompiledMapping,
  FieldRule,
  MappingFields,
  MappingIssue,
  MappingSpec,
  XrefResolver,
} from "./mapping-spec.js";
import { transforms } from "./transforms.js";

/** Reads a value from the current element, or from the whole document when the path starts with "^.". */
type Getter = (src: unknown, root: unknown) => unknown;
type FieldFn = (src: unknown, ctx: Ctx, at: string) => unknown;
interface Ctx {
  readonly root: unknown;
  readonly resolve: XrefResolver;
  readonly issues: MappingIssue[];
}
type RefCollector = (src: unknown, root: unknown, out: { entityType: EntityType; id: string }[]) => void;

const OMIT = Symbol("omit");

/** Compiles a declarative mapping into a function; invalid specs fail here, at start-up, not per message. */
export function compileMapping<S = unknown, T = Record<string, unknown>>(spec: MappingSpec): CompiledMapping<S, T> {
  const { build, collect } = compileFields(spec.fields, spec.name);
  return {
    name: spec.name,
    version: spec.version,
    map(source, resolve) {
      const ctx: Ctx = { root: source, resolve, issues: [] };
      return { value: build(source, ctx, "") as T, issues: ctx.issues };
    },
    refs(source) {
      const out: { entityType: EntityType; id: string }[] = [];
      collect(source, source, out);
      return out;
    },
  };
}

function compileFields(fields: MappingFields, where: string): { build: FieldFn; collect: RefCollector } {
  const entries = Object.entries(fields).map(([key, rule]) => ({
    key,
    ...compileRule(rule, `${where}.${key}`),
  }));
  return {
    build(src, ctx, at) {
      const out: Record<string, unknown> = {};
      for (const e of entries) {
        const v = e.build(src, ctx, at);
        if (v !== OMIT) out[e.key] = v;
      }
      return out;
    },
    collect(src, root, out) {
      for (const e of entries) e.collect(src, root, out);
    },
  };
}

function compileRule(rule: FieldRule, where: string): { build: FieldFn; collect: RefCollector } {
  const none: RefCollector = () => {};
  if (typeof rule === "string") {
    const get = getter(rule, where);
    return { build: (src, ctx) => get(src, ctx.root) ?? null, collect: none };
  }
  if ("const" in rule) return { build: () => rule.const, collect: none };
  if ("compute" in rule) return { build: (src, ctx) => rule.compute(src, ctx.root), collect: none };
  if ("object" in rule) {
    const nested = compileFields(rule.object, where);
    return { build: nested.build, collect: nested.collect };
  }
  if ("each" in rule) {
    const get = getter(rule.each, where);
    const nested = compileFields(rule.fields, where);
    const pointer = toPointer(rule.each);
    const elements = (src: unknown, root: unknown) => {
      const arr = get(src, root);
      const list = Array.isArray(arr) ? arr : [];
      return rule.where ? list.filter(rule.where) : list;
    };
    return {
      build: (src, ctx, at) => elements(src, ctx.root).map((el, i) => nested.build(el, ctx, `${at}${pointer}/${i}`)),
      collect: (src, root, out) => {
        for (const el of elements(src, root)) nested.collect(el, root, out);
      },
    };
  }
  const get = getter(rule.path, where);
  const pointer = toPointer(rule.path);
  const fn = rule.transform === undefined ? undefined : transforms[rule.transform];
  if (rule.transform !== undefined && !fn) {
    throw Errors.MappingInvalid(`${where}: unknown transform "${rule.transform}"`);
  }
  return {
    build(src, ctx, at) {
      const raw = get(src, ctx.root);
      if (raw === undefined || raw === null) {
        if (rule.default !== undefined) return rule.default;
        return rule.omitIfAbsent ? OMIT : null;
      }
      const path = at + pointer;
      if (rule.xref) {
        const id = String(raw);
        const resolved = ctx.resolve(rule.xref, id);
        if (resolved === undefined) {
          ctx.issues.push({
            path,
            rule: "xref",
            entityType: rule.xref,
            id,
            message: `${rule.xref} "${id}" has no cross-reference`,
          });
        }
        return resolved ?? null;
      }
      if (rule.codes) {
        const key = String(raw);
        if (!Object.hasOwn(rule.codes, key)) {
          ctx.issues.push({
            path,
            rule: "code",
            message: `code "${key}" is not one of ${Object.keys(rule.codes).join(", ")}`,
          });
          return null;
        }
        return rule.codes[key];
      }
      if (fn) {
        try {
          return fn(raw);
        } catch (e) {
          ctx.issues.push({ path, rule: "transform", message: e instanceof Error ? e.message : String(e) });
          return null;
        }
      }
      return raw;
    },
    collect(src, root, out) {
      if (!rule.xref) return;
      const raw = get(src, root);
      if (raw !== undefined && raw !== null) out.push({ entityType: rule.xref, id: String(raw) });
    },
  };
}

function getter(path: string, where: string): Getter {
  const fromRoot = path.startsWith("^.");
  const dotted = fromRoot ? path.slice(2) : path;
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(dotted)) {
    throw Errors.MappingInvalid(`${where}: "${path}" is not a dotted path (prefix "^." reads from the document root)`);
  }
  const parts = dotted.split(".");
  return (src, root) => {
    let v: unknown = fromRoot ? root : src;
    for (const p of parts) {
      if (v === null || typeof v !== "object" || !Object.hasOwn(v, p)) return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

function toPointer(path: string): string {
  return `/${path.replace(/^\^\./, "").split(".").join("/")}`;
}
