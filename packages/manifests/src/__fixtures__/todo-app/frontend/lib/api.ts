export interface Todo {
  id: number;
  title: string;
  completed: boolean;
}

const API_URL = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:8000';

export async function listTodos(): Promise<Todo[]> {
  const res = await fetch(`${API_URL}/api/todos`, { cache: 'no-store' });
  if (!res.ok) return [];
  return res.json();
}
