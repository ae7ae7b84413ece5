declare module "virtual:playground-facts" {
  const facts: import("../facts.js").PlaygroundFacts;
  export default facts;
}
declare module "*.conf" {
  const text: string;
  export default text;
}
