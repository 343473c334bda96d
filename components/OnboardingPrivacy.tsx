/** The plain summary of what Pacer records, never records, and where data goes (welcome page, README "Privacy"). */
export function OnboardingPrivacy() {
  return (
    <div class="privacy-summary">
      <h3 class="sub">What Pacer records</h3>
      <ul>
        <li>Your own work as the pages show it: calls, emails and meetings you log, deals you create and move through their stages, LinkedIn profiles you view, invitations and messages you send.</li>
        <li>For each: its type, time, the deal (name, stage, amount, close date), the person (name, LinkedIn or CRM link), and a subject line.</li>
      </ul>
      <h3 class="sub">What Pacer never records</h3>
      <ul>
        <li>The text of any message, note or email. Other people's activity. Anything while capture is paused, on a site you switched off, or about a person or domain on your never-capture list.</li>
        <li>Pacer never clicks, types, scrolls or calls a site's private APIs, and adds nothing to LinkedIn's pages.</li>
      </ul>
      <h3 class="sub">Where your data goes</h3>
      <ul>
        <li>Nowhere: it stays in this browser. Only if you turn on team sync do your events (no text bodies) go to your team's server.</li>
        <li>You can export it (JSON or CSV), erase one person or everything, and set how long it is kept, in the options.</li>
      </ul>
    </div>
  );
}
