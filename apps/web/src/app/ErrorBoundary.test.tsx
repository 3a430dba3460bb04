// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A screen that fails while rendering, as a screen does on data it did not expect.
const Broken = ({ items }: { items?: readonly string[] }) => (
  <ul>
    {(items as readonly string[]).map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  // React and the boundary log the caught error; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows its children when nothing fails', () => {
    act(() =>
      root.render(
        <ErrorBoundary>
          <Broken items={['§1']} />
        </ErrorBoundary>,
      ),
    );
    expect(host.textContent).toBe('§1');
  });

  it('turns a render error into a page that says what happened and what to do', () => {
    act(() =>
      root.render(
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('h1')?.textContent).toBe('This page stopped working');
    const alert = host.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Something in Bis failed while showing this page:');
    expect(alert).toContain("reading 'map'");
    expect(host.textContent).toContain('Reload the page');
    expect(host.querySelector('a[href="/"]')?.textContent).toBe('Go to the home page');
    expect(host.querySelector('main#main')).not.toBeNull();
  });

  it('starts afresh on another route (App keys it by path)', () => {
    act(() =>
      root.render(
        <ErrorBoundary key="/p/demo/desk">
          <Broken />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('h1')?.textContent).toBe('This page stopped working');
    act(() =>
      root.render(
        <ErrorBoundary key="/p/demo">
          <Broken items={['§2']} />
        </ErrorBoundary>,
      ),
    );
    expect(host.textContent).toBe('§2');
  });
});
