import { listTodos } from '../lib/api';

export default async function Home() {
  const todos = await listTodos();
  return (
    <main>
      <h1>Todo</h1>
      <ul>
        {todos.map((t) => (
          <li key={t.id}>{t.title}</li>
        ))}
      </ul>
    </main>
  );
}
