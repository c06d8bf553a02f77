export { AREA_TAGS, areaTagsOf } from "./area-tag.js";
export { DOCS_PREFIX, describeRoute } from "./describe-route.js";
export { operationIdOf } from "./operation-id.js";
export { OperationOutcomeSchema, ProblemSchema } from "./problem-schema.js";
export { installOpenApi, OPENAPI_PATH, openApiRoutes } from "./register-openapi.js";
export { SECURITY_SCHEMES, securityOf } from "./security-schemes.js";
