import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { logout } from '../models/auth.server';

export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
}

export async function loader() {
  throw redirect('/');
}
