import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { getCurrentUser } from '../models/auth.server';
import { ROLE_HOME } from '../utils/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  throw redirect(user ? ROLE_HOME[user.role] : '/login');
}
