// Lines of a German page or document that read as English sentences: two or more everyday English
// words on one line. Quoted names (a router's own English menu or rule names, "allow LAN to any")
// are left out, as are code lines, which the firewall exports write in their vendors' syntax.
const ENGLISH_WORDS = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', ' allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every '];

export function englishLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      const prose = ` ${line.replace(/"[^"]*"|„[^“]*“|'[^']*'/g, ' ').toLowerCase()} `;
      return ENGLISH_WORDS.filter((word) => prose.includes(word)).length >= 2;
    });
}
