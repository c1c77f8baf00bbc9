import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../models/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(`/units/${user.unit.code}`);
}
