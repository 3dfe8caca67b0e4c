import { downloadName, fileSlug, saveBlob } from './download';

describe('fileSlug', () => {
  it('keeps names readable and safe', () => {
    expect(fileSlug('PILOTen Hadeland')).toBe('piloten-hadeland');
    expect(fileSlug('Bærum, Vestre Toten & NAV')).toBe('baerum-vestre-toten-nav');
    expect(fileSlug('Søndre Land / Åmot')).toBe('sondre-land-amot');
    expect(fileSlug('Café Ølstue')).toBe('cafe-olstue');
    expect(fileSlug('«»')).toBe('samarbeid');
  });
});

describe('downloadName', () => {
  it('names the file by kind, partnership and local date', () => {
    expect(downloadName('samspill-prosjekter', 'PILOTen Hadeland', 'csv', new Date(2026, 0, 5))).toBe(
      'samspill-prosjekter-piloten-hadeland-2026-01-05.csv',
    );
  });
});

describe('saveBlob', () => {
  it('clicks a temporary download link to an object URL, then lets the URL go', () => {
    jest.useFakeTimers();
    const created = jest.fn(() => 'blob:test');
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    saveBlob(document, new Blob(['x']), 'rapport.pdf');

    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('rapport.pdf');
    expect(clicks[0]?.getAttribute('href')).toBe('blob:test');
    expect(clicks[0]?.isConnected).toBe(false);
    expect(revoked).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:test');
    click.mockRestore();
    jest.useRealTimers();
  });
});
