/** How analysts see personal data: enough shape to recognise, not enough to use. */
const maskWord = (word: string): string => (word.length === 0 ? '' : `${[...word][0] ?? ''}***`);

export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  const parts = domain.split('.');
  const tld = parts.length > 1 ? parts.pop() : undefined;
  return `${maskWord(local)}@${maskWord(parts.join('.'))}${tld ? `.${tld}` : ''}`;
};

export const maskName = (name: string): string =>
  name.split(/\s+/).filter(Boolean).map(maskWord).join(' ');

export const maskPhone = (phone: string): string =>
  phone.length <= 4
    ? '****'
    : `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-2)}`;

export const maskText = (text: string): string => (text.length === 0 ? '' : '[redacted]');
