export default async function Home() {
  const res = await fetch(`${process.env.CATALOG_API_URL}/items`, { cache: 'no-store' });
  return <main>{JSON.stringify(await res.json())}</main>;
}
