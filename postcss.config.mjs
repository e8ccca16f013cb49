// Tailwind CSS 4 runs as a PostCSS plugin in Next's build; its configuration lives in app/globals.css.
export default { plugins: { "@tailwindcss/postcss": {} } };
