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
  'MATERIAL_NOT_IN_BOM',
  'LOT_NOT_LOT_CONTROLLED',
] as const;

export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** The one exhaustive mapping from a violation code to the HTTP status that answers it. */
export function statusOf(code: ViolationCode): number {
  switch (code) {
    case 'INVALID_FIELD':
      return 400;
    case 'UNAUTHENTICATED':
    case 'ACCOUNT_LOCKED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'IDEMPOTENCY_KEY_REUSED':
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
      return 409;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
