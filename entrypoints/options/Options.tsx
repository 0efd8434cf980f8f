export function Options() {
  return (
    <main>
      <h1>Fact Cards options</h1>
    </main>
  );
}
