// Replaced by the database global setup (foundation issue); kept minimal until then.
export default function setup() {}
