import { errorCodeName } from '../../scenarios/error-codes';

/** A rubric error code as users read it: its Chinese name, the code small beside it. */
export function ErrorCode({ code, fallback }: { code: string; fallback?: string | null }) {
  const name = errorCodeName(code) ?? fallback ?? null;
  return (
    <span className="error-code" data-code={code}>
      {name ?? '（现行场景中已无此评分项）'} <code className="error-code__code">{code}</code>
    </span>
  );
}
