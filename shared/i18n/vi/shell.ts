export const shell = {
  menu: {
    file: 'Tệp',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Xem',
    reload: 'Tải lại',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    resetZoom: 'Cỡ chữ mặc định',
    fullscreen: 'Toàn màn hình',
    devTools: 'Công cụ phát triển',
    help: 'Trợ giúp',
    about: 'Giới thiệu',
  },
  aboutTitle: 'Giới thiệu Kiểm tra KLKCHC',
  version: 'Phiên bản',
  dataFile: 'Tệp dữ liệu: {{file}}',
  rendererGone:
    'Cửa sổ ứng dụng gặp sự cố và đã được mở lại. Dữ liệu đã lưu không bị mất; bản nháp được tự lưu trong lúc gõ.',
  browserMode: {
    dataFile: 'Dữ liệu: {{file}}',
    openAddress: 'Mở địa chỉ sau trong Chrome, Edge hoặc Chromium:',
    stop: 'Nhấn Ctrl+C để dừng.',
    notBuilt: 'Không thấy giao diện đã dựng ở {{dir}}. Hãy chạy "npm run build" rồi thử lại.',
    portInUse:
      'Cổng {{port}} đang được một chương trình khác dùng (có thể là một phiên khác của ứng dụng). Hãy chọn cổng khác bằng --port, hoặc bỏ --port để ứng dụng tự chọn cổng trống.',
    portDenied:
      'Không được phép dùng cổng {{port}} trên máy này. Hãy chọn cổng từ 1024 đến 65535 bằng --port, hoặc bỏ --port để ứng dụng tự chọn cổng trống.',
  },
  damaged: {
    title: 'Tệp dữ liệu bị hỏng: ứng dụng chỉ cho xem, không lưu thay đổi nào',
    body: 'Tệp {{file}} bị hỏng. Để không làm hỏng thêm, ứng dụng không ghi gì vào tệp nữa; bạn vẫn xem được dữ liệu. Hãy khôi phục tệp từ bản sao lưu gần nhất; nếu chưa có bản sao lưu, đừng xóa tệp và hãy nhờ người hỗ trợ kỹ thuật.',
  },
  startUnexpected:
    'Không khởi động được ứng dụng vì một lỗi không mong muốn (chi tiết kỹ thuật bên dưới). Hãy báo cho người hỗ trợ kỹ thuật.',
  startFailed: 'Không khởi động được ứng dụng',
};
