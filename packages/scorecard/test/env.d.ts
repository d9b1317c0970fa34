// Vite serves `?raw` imports as the file's text (browser tests only).
declare module '*?raw' {
  const text: string;
  export default text;
}
