export function Popup() {
  return (
    <main>
      <h1>Fact Cards</h1>
    </main>
  );
}
