/**
 * Every stable violation code Takt can answer with. Clients and docs/errors.md rely on these names:
 * add freely, never rename. A test keeps this list and docs/errors.md in step.
 */
export const VIOLATION_CODES = [
  'ORDER_NOT_RELEASED',
  'ORDER_ON_HOLD',
  'ORDER_CLOSED',
  'OPERATION_SEQUENCE',
  'OPERATION_NOT_RUNNING',
  'EQUIPMENT_NOT_IN_WORK_CENTER',
  'EQUIPMENT_UNAVAILABLE',
  'CALIBRATION_EXPIRED',
  'MAINTENANCE_OVERDUE',
  'PERSON_NOT_QUALIFIED',
  'QUALIFICATION_EXPIRED',
  'LOT_NOT_FOUND',
  'LOT_WRONG_MATERIAL',
  'LOT_NOT_RELEASED',
  'LOT_ON_HOLD',
  'LOT_HELD_BY_NONCONFORMANCE',
  'LOT_EXPIRED',
  'LOT_INSUFFICIENT_QUANTITY',
  'OVER_CONSUMPTION',
  'OVER_PRODUCTION',
  'INSPECTION_MISSING',
  'OUT_OF_SPEC',
  'SIGNATURE_REQUIRED',
  'REVISION_NOT_APPROVED',
  'INVALID_TRANSITION',
  'INVALID_FIELD',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ACCOUNT_LOCKED',
  'PASSWORD_EXPIRED',
  'MATERIAL_NOT_IN_BOM',
  'LOT_NOT_LOT_CONTROLLED',
  'PERSON_CLOCKED_ON',
  'NOT_CLOCKED_ON',
  'OPERATION_NOT_IN_WORK_CENTER',
  'ANDON_CALL_ACTIVE',
  'ANDON_NOT_RAISER',
  'NOT_IN_DISPATCH_LIST',
  'DISPATCH_LIST_FULL',
  'RECORD_NOT_REVIEWED',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  // An inbound B2MML message Takt cannot take (HTTP 422): the B2MML layer's problem codes, then the import's own.
  'XML_TOO_LARGE',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_MALFORMED',
  'XML_TOO_DEEP',
  'XML_UNPROCESSABLE',
  'UNSUPPORTED_NAMESPACE',
  'UNSUPPORTED_MESSAGE',
  'UNSUPPORTED_ACTION',
  'XSD_INVALID',
  'MISSING_ELEMENT',
  'INVALID_DATETIME',
  'INVALID_DURATION',
  'INVALID_VALUE',
  'QUANTITY_TYPE_MISMATCH',
  'END_BEFORE_START',
  'DUPLICATE_ID',
  'MISSING_ID',
  'MISSING_MATERIAL',
  'MISSING_QUANTITY',
  'MISSING_UOM',
  'AMBIGUOUS_PRODUCED_MATERIAL',
  'QUANTITY_OUT_OF_RANGE',
  'UNKNOWN_MATERIAL',
  'UNKNOWN_EQUIPMENT',
  'UOM_MISMATCH',
  'IMPORT_CONFLICT',
  'NO_WORK_CENTER',
  'IMPORT_REFUSED',
] as const;

export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** The one exhaustive mapping from a violation code to the HTTP status that answers it. */
export function statusOf(code: ViolationCode): number {
  switch (code) {
    case 'INVALID_FIELD':
      return 400;
    case 'UNAUTHENTICATED':
    case 'ACCOUNT_LOCKED':
    case 'PASSWORD_EXPIRED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'NOT_FOUND':
      return 404;
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'XML_TOO_LARGE':
    case 'XML_DOCTYPE_FORBIDDEN':
    case 'XML_MALFORMED':
    case 'XML_TOO_DEEP':
    case 'XML_UNPROCESSABLE':
    case 'UNSUPPORTED_NAMESPACE':
    case 'UNSUPPORTED_MESSAGE':
    case 'UNSUPPORTED_ACTION':
    case 'XSD_INVALID':
    case 'MISSING_ELEMENT':
    case 'INVALID_DATETIME':
    case 'INVALID_DURATION':
    case 'INVALID_VALUE':
    case 'QUANTITY_TYPE_MISMATCH':
    case 'END_BEFORE_START':
    case 'DUPLICATE_ID':
    case 'MISSING_ID':
    case 'MISSING_MATERIAL':
    case 'MISSING_QUANTITY':
    case 'MISSING_UOM':
    case 'AMBIGUOUS_PRODUCED_MATERIAL':
    case 'QUANTITY_OUT_OF_RANGE':
    case 'UNKNOWN_MATERIAL':
    case 'UNKNOWN_EQUIPMENT':
    case 'UOM_MISMATCH':
    case 'IMPORT_CONFLICT':
    case 'NO_WORK_CENTER':
    case 'IMPORT_REFUSED':
      return 422;
    case 'ORDER_NOT_RELEASED':
    case 'ORDER_ON_HOLD':
    case 'ORDER_CLOSED':
    case 'OPERATION_SEQUENCE':
    case 'OPERATION_NOT_RUNNING':
    case 'EQUIPMENT_NOT_IN_WORK_CENTER':
    case 'EQUIPMENT_UNAVAILABLE':
    case 'CALIBRATION_EXPIRED':
    case 'MAINTENANCE_OVERDUE':
    case 'PERSON_NOT_QUALIFIED':
    case 'QUALIFICATION_EXPIRED':
    case 'LOT_NOT_FOUND':
    case 'LOT_WRONG_MATERIAL':
    case 'LOT_NOT_RELEASED':
    case 'LOT_ON_HOLD':
    case 'LOT_HELD_BY_NONCONFORMANCE':
    case 'LOT_EXPIRED':
    case 'LOT_INSUFFICIENT_QUANTITY':
    case 'OVER_CONSUMPTION':
    case 'OVER_PRODUCTION':
    case 'INSPECTION_MISSING':
    case 'OUT_OF_SPEC':
    case 'SIGNATURE_REQUIRED':
    case 'REVISION_NOT_APPROVED':
    case 'INVALID_TRANSITION':
    case 'ALREADY_EXISTS':
    case 'MATERIAL_NOT_IN_BOM':
    case 'LOT_NOT_LOT_CONTROLLED':
    case 'PERSON_CLOCKED_ON':
    case 'NOT_CLOCKED_ON':
    case 'OPERATION_NOT_IN_WORK_CENTER':
    case 'ANDON_CALL_ACTIVE':
    case 'ANDON_NOT_RAISER':
    case 'NOT_IN_DISPATCH_LIST':
    case 'DISPATCH_LIST_FULL':
    case 'RECORD_NOT_REVIEWED':
      return 409;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
