/** Keyboard and Fullscreen API handling for briefing mode (falls back to a full-window overlay). */
import { useEffect, useRef } from 'react';

export async function enterFullscreen(el: HTMLElement | null): Promise<boolean> {
  if (!el || !document.fullscreenEnabled || typeof el.requestFullscreen !== 'function') return false;
  try {
    await el.requestFullscreen();
    return true;
  } catch {
    return false; // headless, iframe without permission, no user gesture: the CSS overlay is used instead
  }
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
}

export function useBriefingKeys(active: boolean, handlers: { next: () => void; prev: () => void; exit: () => void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
        e.preventDefault();
        ref.current.next();
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        ref.current.prev();
      } else if (e.key === 'Escape') ref.current.exit();
    };
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onFullscreen = () => {
      if (wasFullscreen && !document.fullscreenElement) ref.current.exit();
      wasFullscreen = Boolean(document.fullscreenElement);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [active]);
}
