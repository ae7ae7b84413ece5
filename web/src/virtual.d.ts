declare module "virtual:playground-facts" {
  import type { PlaygroundFacts } from "../facts.js";
  const facts: PlaygroundFacts;
  export default facts;
}
declare module "*.conf" {
  const text: string;
  export default text;
}
